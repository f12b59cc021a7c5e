cat <(echo hi)
while read l; do echo "got $l"; done < <(printf 'a\nb\n')
echo x > >(cat)
wait
cat <(echo one) <(echo two)
f() { cat "$1"; }
f <(echo via function)
count=0
while read -r n; do count=$((count+n)); done < <(printf '1\n2\n3\n')
echo "sum $count"
