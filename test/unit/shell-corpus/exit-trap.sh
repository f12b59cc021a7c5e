trap 'echo "exiting with $?"' EXIT
echo working
false
