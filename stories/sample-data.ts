/** A small file as an admin fills it in Excel, with the usual mistakes, for stories. */
export const messyCsv = [
  'iPlum ID (phone/email),Phone #,Email,Name',
  'phone,+14155550123,ana.silva@initech.example,Ana Silva',
  'phone,14155550124,diego.santos@initech.example,Diego Santos',
  'phone,1.41556E+10,li.wei@initech.example,Li Wei',
  'email,,jo.brown@gmial.com,Jo Brown',
  'email,,mark.twain@initech.example,',
  'Phone,+442079460123,amira.haddad@initech.example,Amira Haddad',
  'email,,ana.silva@initech.example,"<img src=x onerror=alert(1)>"',
  '',
].join('\r\n');

/** The same template, every row valid. */
export const cleanCsv = [
  'iPlum ID (phone/email),Phone #,Email,Name',
  'phone,+14155550123,ana.silva@initech.example,Ana Silva',
  'email,,diego.santos@initech.example,Diego Santos',
  'phone,+442079460123,amira.haddad@initech.example,Amira Haddad',
  '',
].join('\r\n');
