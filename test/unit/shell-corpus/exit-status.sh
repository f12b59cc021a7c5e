f() { return 300; }
f; echo $?
(exit -1); echo $?
(exit 256); echo $?
g() { return abc; }
g; echo $?
true
exit 7
echo never
