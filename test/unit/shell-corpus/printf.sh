printf '%s\n' one two three
printf '%s-%s\n' a b c
printf '%d %i %5d|%-5d|%05d %+d\n' 42 7 3 3 3 3
printf '%x %X %o %#x %#o\n' 255 255 8 255 8
printf '%f %.2f %8.3f %e %g %g\n' 3.14159 3.14159 2.5 12345.678 0.0001 100
printf '%c%c\n' hello world
printf '%q %q %q\n' 'a b' "it's" ''
printf '%b\n' 'a\tb' 'c\x41'
printf '%%literal %s\n' x
printf '%5s|%-5s|%.2s\n' ab ab abcdef
printf '%*d|%-*d|\n' 4 1 4 2
printf 'no newline'
printf '\n'
printf '%d\n' "'A" 0x10 010
printf -v var '%03d' 7; echo $var
printf '%s\n'
printf '%d\n' abc
echo $?
printf 'A\101\x42\n'
