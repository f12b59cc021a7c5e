true && echo and-ok
false && echo and-no
false || echo or-ok
true || echo or-no
false && echo x || echo y
true && false || echo z
[ 1 -eq 1 ] && [ 2 -eq 2 ] && echo both
echo $?
