f() { local x=1; if [ $x -eq 1 ]; then echo "one $x" > /dev/null 2>&1; elif true; then :; else echo no; fi; for i in a b; do echo $i | cat; done; while read l; do break; done < file; case $x in a|b) echo ab;; *) echo other; esac; (( x++ )); [[ -n $x && $x == y* ]]; { echo g; } ; (sub); x=$(echo s) y=(1 2); cmd &  a && b || c; ! d; for ((i=0;i<3;i++)); do :; done; cat <<EOF
body $x
EOF
}; type f; g() ( echo subshell ); declare -f g; h() { until false; do echo; done; function k { :; }; }; declare -f h
f2() { cat <<EOF
x
EOF
echo after; cat <<< "hs" ; for x; do :; done; echo a >> b 3<&0 <> c; [[ ! ( -f x || $a < b ) ]]; case x in *) ;; esac; time sleep 0; echo $((1+2)) "${a:-b}" \$x 'q'; }; type f2
