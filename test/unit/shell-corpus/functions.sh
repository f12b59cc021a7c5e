greet() { echo "hello $1 ($#)"; }
function shout { echo "${1^^}!"; }
function both() { return 7; }
greet you there
shout hey
both; echo $?
counter=0
inc() { counter=$((counter+1)); }
inc; inc; echo $counter
scope() { local counter=100; echo "inner $counter"; }
scope; echo "outer $counter"
outer() { local v=outer; inner; }
inner() { echo "dynamic $v"; }
outer
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }
fact 5
args() { echo "$0 $1"; shift; echo "$@"; }
args a b c
early() { echo before; return; echo after; }
early; echo $?
