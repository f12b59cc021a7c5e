history
echo "history $?"
fg
echo "fg $?"
bg
echo "bg $?"
jobs
wait
echo "wait $?"
wait 12345
echo "wait-pid $?"
disown %3
echo "disown $?"
