kill -l | head -2
kill -l 9 15 130 TERM
kill -l NOPE
echo $?
kill -s BOGUS 1
echo $?
kill
echo $?
