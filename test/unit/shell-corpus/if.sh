if true; then echo yes; fi
if false; then echo no; else echo else; fi
x=3
if [ $x -eq 1 ]; then echo one; elif [ $x -eq 3 ]; then echo three; else echo other; fi
if false; then :; fi; echo "status $?"
if ! false; then echo negated; fi
if [ -n "$x" ] && [ "$x" != 0 ]; then echo compound; fi
