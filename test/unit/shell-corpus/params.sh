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
empty=()
for a in "${empty[@]}"; do echo "never $a"; done
for a in "x${empty[@]}" "$@" ""; do echo "{$a}"; done
