cmd='echo evaluated $((1+1))'
eval "$cmd"
eval 'x=5'; echo $x
eval echo '$x' "\$x"
printf 'sourced_var=42\necho in sourced file $1\n' > lib.sh
source ./lib.sh arg1
echo $sourced_var
. ./lib.sh
printf 'return 3\necho not here\n' > ret.sh
. ./ret.sh; echo "ret $?"
source ./missing.sh; echo $?
