echo ~ ~/sub "~" ~root x~y
HOME=/custom/home
echo ~ ~/x
p=~/bin:~/lib; echo $p
a=(~); echo ${a[0]}
