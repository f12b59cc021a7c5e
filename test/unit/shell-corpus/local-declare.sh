f() {
  local a=1 b
  declare c=3
  local -i d=2+2
  local arr=(x y z)
  echo "$a [$b] $c $d ${arr[1]}"
  b=set
  echo "[$b]"
}
f
echo "[$a][$b][$c][$d]"
local x=1
echo $?
declare -r R=1
R=2
echo notreached
