# a comment line
echo a # trailing comment
echo b#not-a-comment
echo '#quoted' "#also"
echo c; # after semicolon
x=1 # assignment comment
echo $x
case y in # comment here
  y) echo case-ok ;; # and here
esac
