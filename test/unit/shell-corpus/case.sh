for f in app.py index.HTML README notes.txt x; do
  case $f in
    *.py) echo "$f: python";;
    *.[hH][tT][mM][lL]) echo "$f: html";;
    README|readme) echo "$f: readme";;
    ?) echo "$f: single char";;
    *) echo "$f: other";;
  esac
done
case abc in a*) echo fall;& b*) echo through;; c*) echo no;; esac
case xyz in x*) echo first;;& *z) echo second;; *) echo third;; esac
v="*"; case "a" in "$v") echo quoted-star;; $v) echo unquoted-star;; esac
case "" in "") echo empty;; esac
