set -- a b c
echo $#
set -o | cat | head -3
set -o noglob; echo *; set +o noglob
set -f; echo "$-"; set +f
set -o nosuchoption
echo $?
set -q
echo $?
shift 5; echo $?
shift x; echo $?
