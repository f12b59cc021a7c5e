echo hello | cat
printf 'x\ny\n' | cat | cat
echo one | { read v; echo "got $v"; }
v=unchanged; echo changed | read v; echo $v
false | true; echo $?
true | false; echo $?
echo a | cat; echo ${PIPESTATUS[@]}
false | true | true; echo ${PIPESTATUS[@]}
! true; echo $?
! false; echo $?
