set -u
x=1
echo $x
echo ${y:-default}
echo "${@:-noargs}"
echo $undefined_var
echo never
