type echo cd if
type -t echo if
f() { :; }
type -t f
type nosuchcmd_q
echo $?
command -v echo
command -v nosuchcmd_q; echo $?
echo() { builtin echo "wrapped $*"; }
echo hi
command echo direct
builtin echo builtin
unset -f echo
builtin nosuch; echo $?
