{ echo bg-output; } &
wait
echo "waited $?"
(exit 3) &
pid=$!
wait $pid
echo "status $?"
true & false &
wait
jobs
echo done
