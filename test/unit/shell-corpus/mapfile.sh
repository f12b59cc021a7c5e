printf "a\nb\nc\n" | { mapfile -t arr; declare -p arr; }
printf "a\nb\n" | { mapfile arr; declare -p arr; }
mapfile -t -n 2 x <<< "$(printf "1\n2\n3")"; declare -p x
printf "1\n2\n3\n" > nums.txt
readarray -t -s 1 y < nums.txt; declare -p y
mapfile -d , z <<< "a,b"; declare -p z
mapfile -t < nums.txt; echo "${MAPFILE[@]}"
