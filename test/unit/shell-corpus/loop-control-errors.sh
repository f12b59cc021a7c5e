break
echo "after break $?"
continue
echo "after continue $?"
for i in 1 2 3; do echo $i; break 0; done
echo $?
for i in 1 2; do for j in 1 2; do echo $i$j; continue 5; done; done
