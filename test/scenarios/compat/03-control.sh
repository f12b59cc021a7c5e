for n in $(seq 1 5); do
  if [ $((n % 2)) -eq 0 ]; then echo "$n even"; else echo "$n odd"; fi
done
i=3
while [ $i -gt 0 ]; do echo "countdown $i"; i=$((i - 1)); done
until [ $i -ge 2 ]; do i=$((i + 1)); done; echo "i=$i"
square() { local x=$1; echo $((x * x)); }
echo "squares: $(square 3) $(square 12)"
for f in app.py main.js style.css; do
  case $f in
    *.py) echo "$f: python" ;;
    *.js) echo "$f: javascript" ;;
    *) echo "$f: other" ;;
  esac
done
name="Docker Labs"
echo "${name,,} ${name^^} ${#name} ${name:0:6} ${name// /_}"
path=/usr/local/bin/app.tar.gz
echo "${path##*/} ${path%%.*} ${path#*/} ${path%/*}"
arr=(alpha beta gamma)
echo "${arr[1]} ${#arr[@]} ${arr[@]}"
printf '%05d|%-6s|%x|%.2f\n' 42 ok 255 3.14159
echo {a..e} {1..10..3}
x=7; (( x += 3 )); echo $x
[[ "hello.txt" == *.txt ]] && echo "glob match"
[[ "v1.2.3" =~ ^v([0-9]+)\.([0-9]+) ]] && echo "major ${BASH_REMATCH[1]} minor ${BASH_REMATCH[2]}"
true && echo yes || echo no
false && echo yes || echo no
echo "exit: $?"
