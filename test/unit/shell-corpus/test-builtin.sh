[ -z "" ] && echo z
[ -n "x" ] && echo n
[ abc = abc ] && echo eq
[ abc != abd ] && echo ne
[ 3 -lt 5 ] && echo lt
[ 5 -ge 5 ] && echo ge
[ ! 1 -eq 2 ] && echo not
[ 1 -eq 1 -a 2 -eq 2 ] && echo and
[ 1 -eq 2 -o 2 -eq 2 ] && echo or
[ \( 1 -eq 1 \) ] && echo paren
test -d / && echo dir
test -f / || echo notfile
test -e /nonexistent || echo missing
[ "" ]; echo $?
[ x ]; echo $?
[ ]; echo $?
[ a -eq 1 ]; echo $?
[ 1 -eq ]; echo $?
[ 1 = 1; echo $?
[ a b c d e ]; echo $?
touch_me=f.txt; echo > $touch_me; [ -f f.txt ] && [ -s f.txt ] && echo file-nonempty
[ abc \< abd ] && echo less
