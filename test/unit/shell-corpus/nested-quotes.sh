x="a b"
echo "$(echo "$x")"
echo "${x:-"default value"}"
y='single "double" inside'
echo "$y"
echo "it's \"quoted\""
echo 'say "hi"'
echo "nested $(echo "level $(echo "two")")"
z="$(printf '%s' "$x")"; echo "[$z]"
echo "$(( $(echo 3) + 4 ))"
