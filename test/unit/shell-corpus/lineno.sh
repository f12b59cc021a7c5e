echo "line $LINENO"
echo "line $LINENO"; echo "same $LINENO"
f() {
  echo "in function $LINENO"
}
f
if true; then
  echo "in if $LINENO"
fi
nosuchcmd_here
