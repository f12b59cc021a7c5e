a=(zero one "two three" four)
echo ${a[0]} ${a[2]} ${a[-1]}
echo ${#a[@]} ${#a[2]}
echo "${a[@]}"
for x in "${a[@]}"; do echo "[$x]"; done
echo ${!a[@]}
a[10]=ten
echo ${#a[@]} ${!a[@]}
unset 'a[1]'
echo "${a[@]}"
echo "${a[@]:1:2}"
b=()
b+=(x y)
b+=(z)
echo ${b[@]} ${#b[@]}
declare -a c=(1 2 3)
declare -p c
i=2; echo ${c[i]} ${c[$i-1]}
