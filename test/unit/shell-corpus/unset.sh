x=1; unset x; echo "[${x-unset}]"
f() { echo func; }; unset -f f; f 2>/dev/null || echo "f gone"
a=(1 2 3); unset 'a[1]'; echo ${a[@]} ${#a[@]}
readonly r=1; unset r; echo $?
unset nonexistent; echo $?
