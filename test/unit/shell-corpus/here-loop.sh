while IFS=, read -r name age; do
  echo "$name is $age"
done <<EOF2
alice,30
bob,25
EOF2
count=0
while read -r line; do count=$((count+1)); done <<< "$(printf 'a\nb\nc')"
echo "count $count"
cat <<EOF2 | cat
piped heredoc
EOF2
