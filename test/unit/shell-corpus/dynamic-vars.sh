[ $RANDOM -ge 0 ] && [ $RANDOM -lt 32768 ] && echo random-in-range
a=$RANDOM; b=$RANDOM; [ "$a" != "$b" ] || echo same-twice
echo $SECONDS
echo $SHLVL $UID $EUID
[ "$PPID" -gt 0 ] && echo has-ppid
[ -n "$BASH_VERSION" ] && echo has-version
echo ${BASH_VERSINFO[0]}
[ "$$" -gt 0 ] && echo has-pid
x=$(echo $$); [ "$x" = "$$" ] && echo same-pid-in-subshell
echo $HOSTTYPE
