trap 'echo caught USR1' USR1
trap -p USR1
trap - USR1
trap -p USR1
trap '' INT
trap -p INT
trap 'echo bye' EXIT
trap
trap nothing NOSUCHSIG
echo $?
