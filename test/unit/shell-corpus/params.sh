set -- one "two words" three
echo $# "$1" "$2" "$3"
echo "$@"
echo "$*"
for a in "$@"; do echo "[$a]"; done
for a in $@; do echo "<$a>"; done
for a in "$*"; do echo "{$a}"; done
shift
echo $# $1
shift 2
echo $# "${1-none}"
set --
echo $#
