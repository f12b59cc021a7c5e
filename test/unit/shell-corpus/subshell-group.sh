x=1
(x=2; echo "in subshell $x")
echo "after subshell $x"
{ x=3; echo "in group $x"; }
echo "after group $x"
(exit 5); echo $?
{ false; }; echo $?
(echo a; echo b) | cat
{ echo c; echo d; } | cat
(cd / && echo moved)
echo $((BASH_SUBSHELL)) $(echo $BASH_SUBSHELL)
