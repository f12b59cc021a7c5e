echo 'single $HOME quoted' "double $undefined_var end" plain\ space
echo "a\"b" 'it'\''s' "back\\slash" "dollar \$x" "tick \`x\`"
echo $'tab\there' $'nl\nx' $'\x41\101' $'quote\'s'
echo "multi
line"
echo a\
b
x="  spaced   out  "
echo $x
echo "$x"
echo '*' "*" \*
