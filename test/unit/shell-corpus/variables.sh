name=world
echo "hello $name" "hello ${name}!" hello${name}s
unset name
echo "[${name}]"
readonly ro=1
declare -i n=5
n=n+2
echo $n
export EXP=yes
echo $EXP
a=1 b=2 c=$((a+b))
echo $a $b $c
x=first; x+=second; echo $x
declare -p ro n EXP
