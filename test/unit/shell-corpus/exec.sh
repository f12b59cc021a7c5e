exec 3<<< "from fd3"
read line <&3
echo "$line"
exec 4>out4.txt
echo written >&4
exec 4>&-
cat out4.txt
(exec echo replaced; echo never)
echo "status $?"
exec 2>&1
echo to-stderr >&2
exec echo final
echo never
