set -e
echo start
false || echo handled
if false; then echo no; fi
! true
true && false || echo caught
f() { return 1; }
f || echo func-failed
echo before
false
echo never
