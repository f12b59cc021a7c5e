x=set
echo ${x:?not reached}
echo "${y?is unset}"
echo never
