true; echo $?
false; echo $?
(exit 42); echo $?
echo $0
echo $-
f() { echo $#; }
f a b c
echo ${#}
x=$(exit 3); echo $?
