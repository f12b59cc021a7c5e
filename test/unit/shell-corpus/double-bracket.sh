x=hello
[[ $x == h* ]] && echo glob
[[ $x == "h*" ]] || echo literal
[[ $x != world ]] && echo ne
[[ -n $x && -z $empty ]] && echo andor
[[ $x =~ ^h(e)(l+)o$ ]] && echo "re ${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
[[ abc =~ x ]] || echo "nomatch ${#BASH_REMATCH[@]}"
re='^[0-9]+$'; [[ 123 =~ $re ]] && echo digits
[[ 2 -lt 10 ]] && echo numeric
[[ b > a ]] && echo string-gt
[[ 1+1 -eq 2 ]] && echo arith
[[ ! -e /nonexistent ]] && echo notexist
[[ ( a == a ) && ( b == b ) ]] && echo grouped
spaced="a b"; [[ $spaced == "a b" ]] && echo nosplit
[[ x =~ [ ]]; echo $?
