shopt -q extglob; echo $?
shopt -s nullglob
shopt nullglob
shopt -p nullglob dotglob
shopt -u nullglob
shopt nosuchopt
echo $?
shopt -s failglob
echo *.nomatch
echo after
