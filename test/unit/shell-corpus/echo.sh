echo -n no-newline; echo
echo -e 'tab\tnewline\nend'
echo -E 'raw\t'
echo -e 'stop\cnever'
echo -ne 'a\x41\0101\n'
echo -- dashes
echo -x notanoption
echo -nx mixed
echo
echo ''
echo "$(echo -e '\e[1m' | cat -A 2>/dev/null)" >/dev/null
