declare -A m
m[one]=1
m[two]=2
m["three four"]=34
echo ${m[one]} ${m[two]} "${m[three four]}"
echo ${#m[@]}
for k in one two; do echo "$k=${m[$k]}"; done
unset 'm[one]'
echo ${#m[@]}
