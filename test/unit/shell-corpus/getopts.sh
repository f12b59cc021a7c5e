parse() {
  local OPTIND opt
  while getopts "ab:c" opt; do
    case $opt in
      a) echo "flag a";;
      b) echo "b=$OPTARG";;
      c) echo "flag c";;
      ?) echo "bad option";;
    esac
  done
  shift $((OPTIND - 1))
  echo "rest: $*"
}
parse -a -b value -c file1 file2
parse -ab inline x
parse -z y
parse -b
silent() { local OPTIND o; while getopts ":x:" o; do echo "$o:${OPTARG}"; done; }
silent -y
silent -x
