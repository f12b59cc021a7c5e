mkdir_fail=0
: > a.txt; : > b.txt; : > c.log; : > .hidden
echo *.txt
echo *
echo ?.log
echo [ab].txt
echo [!a].txt
echo [[:alpha:]].log
echo *.none
echo "*.txt" '*.txt'
echo .*
shopt -s nullglob; echo none: *.none; shopt -u nullglob
shopt -s dotglob; echo *; shopt -u dotglob
x='*.txt'; echo $x "$x"
for f in *.txt; do echo "file $f"; done
