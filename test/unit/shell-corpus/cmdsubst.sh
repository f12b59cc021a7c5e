echo "today is $(echo Monday)"
x=$(printf 'a\nb\n\n\n'); echo "[$x]"
echo `echo back quoted`
echo $(echo $(echo nested))
y="$(echo "inner quotes")"; echo $y
n=$(echo one two three | cat); echo $n
z=$(false); echo $?
echo "$(for i in 1 2; do echo $i; done)"
v=outer; echo $(v=inner; echo $v) $v
