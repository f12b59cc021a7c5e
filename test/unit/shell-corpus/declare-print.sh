declare -a arr=(a "b c")
declare -A map=([k]=v)
declare -i num=40+2
declare -r const=fixed
declare -x exported=yes
declare plain="with \"quotes\" and \$dollar"
declare -p arr map num const exported plain
declare -p nosuchvar
echo $?
f() { local loc=1; declare -p loc; }; f
export -n exported; declare -p exported
declare +i num; num=1+1; echo $num
