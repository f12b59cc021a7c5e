((1/0)); echo "status $?"
let "q=1/0"; echo "status $?"
echo $((08))
echo after
