set -- a b c d e
echo ${@:2} ${@:2:2} ${*: -2} ${#@}
echo "${@:0:1}"
echo "${@/a/A}" "${@^}"
args=("$@")
echo ${#args[@]} ${args[4]}
set -- "$@" f
echo $#
set -- "${@:1:2}"
echo "$@"
