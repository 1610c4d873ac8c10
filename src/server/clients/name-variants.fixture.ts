/**
 * Spellings of one name met in counselling: the stored spelling (as the passport or the client
 * writes it) and spellings a counsellor may type. Used by the search's table test.
 */
export interface NameVariants {
  /** As stored in the case. */
  stored: string;
  /** As typed into the search; each must find the stored one. */
  typed: string[];
  /** Entries of one name written in two languages (Arabic Fatima, Persian Fatemeh) share it. */
  group?: string;
}

export const nameVariants: NameVariants[] = [
  // Arabic
  { stored: 'يوسف', typed: ['Yusuf', 'Youssef', 'Yousef', 'Jussuf'] },
  { stored: 'محمد', typed: ['Mohammed', 'Muhammad', 'Mohamad'] },
  { stored: 'الحسن', typed: ['Al-Hassan', 'Hasan', 'Alhasan'] },
  { stored: 'أحمد', typed: ['Ahmad', 'Ahmed'] },
  { stored: 'علي', typed: ['Ali', 'Aly'] },
  { stored: 'عمر', typed: ['Omar', 'Umar'] },
  { stored: 'خالد', typed: ['Khaled', 'Chalid', 'Khalid'] },
  { stored: 'فاطمة', typed: ['Fatima', 'Fatimah'], group: 'fatima' },
  { stored: 'محمود', typed: ['Mahmoud', 'Mahmud'] },
  { stored: 'إبراهيم', typed: ['Ibrahim', 'Ebrahim'] },
  { stored: 'جمال', typed: ['Jamal', 'Djamal', 'Dschamal'] },
  { stored: 'مروان', typed: ['Marwan'] },
  { stored: 'نور', typed: ['Nour', 'Nur'] },
  // Persian
  { stored: 'رضا', typed: ['Reza', 'Resa'] },
  { stored: 'حسینی', typed: ['Hosseini', 'Husseini'] },
  { stored: 'جعفری', typed: ['Jafari', 'Dschafari'] },
  { stored: 'کریمی', typed: ['Karimi'] },
  { stored: 'فاطمه', typed: ['Fatemeh'], group: 'fatima' },
  // Ukrainian and Russian
  { stored: 'Бойко', typed: ['Bojko', 'Boyko', 'Boiko'] },
  { stored: 'Попова', typed: ['Popova', 'Popowa'] },
  { stored: 'Сергій', typed: ['Serhii', 'Sergii', 'Serhiy', 'Sergej'] },
  { stored: 'Олександр', typed: ['Oleksandr', 'Aleksandr', 'Alexander'] },
  { stored: 'Юлія', typed: ['Yuliia', 'Julija', 'Yulia'], group: 'yulia' },
  { stored: 'Шевченко', typed: ['Shevchenko', 'Schewtschenko'] },
  { stored: 'Коваленко', typed: ['Kovalenko', 'Kowalenko'] },
  { stored: 'Дмитро', typed: ['Dmytro', 'Dmitro'] },
  { stored: 'Ковальчук', typed: ['Kovalchuk', 'Kowaltschuk'] },
  { stored: 'Наталія', typed: ['Nataliia', 'Natalija'] },
  { stored: 'Щербак', typed: ['Shcherbak', 'Schtscherbak'] },
  { stored: 'Євген', typed: ['Yevhen', 'Jewgen'] },
  // Greek
  { stored: 'Παπαδόπουλος', typed: ['Papadopoulos'] },
  { stored: 'Γιάννης', typed: ['Giannis', 'Yiannis'] },
  { stored: 'Χρήστος', typed: ['Christos', 'Hristos'] },
  { stored: 'Δημήτρης', typed: ['Dimitris'] },
  { stored: 'Ελένη', typed: ['Eleni'] },
  // Turkish
  { stored: 'Özdemir', typed: ['Ozdemir', 'Oezdemir'] },
  { stored: 'Şahin', typed: ['Sahin', 'Schahin'] },
  { stored: 'Çelik', typed: ['Celik', 'Tschelik'] },
  { stored: 'Yılmaz', typed: ['Yilmaz', 'Jilmas'] },
  { stored: 'Gül', typed: ['Gul', 'Guel'] },
  // Vietnamese
  { stored: 'Nguyễn', typed: ['Nguyen'], group: 'nguyen' },
  { stored: 'Trần', typed: ['Tran'] },
  { stored: 'Phạm', typed: ['Pham'] },
  { stored: 'Huỳnh', typed: ['Huynh'] },
  { stored: 'Hương', typed: ['Huong'] },
];

/**
 * Other people in the same database, whose names must not crowd out the ones searched for; a
 * group names the entry above whose name theirs is a spelling of (Julia is Yuliia), so that
 * finding them is no false friend.
 */
export const otherNames: { name: string; group?: string }[] = [
  { name: 'Anna Schmidt' },
  { name: 'Ana-Maria Nguyen', group: 'nguyen' },
  { name: 'Asif Karimov' },
  { name: 'Sofia Rossi' },
  { name: 'Elena Petrova' },
  { name: 'Mehmet Aydın' },
  { name: 'Hana Novak' },
  { name: 'Ivan Petrenko' },
  { name: 'Olga Sokolova' },
  { name: 'Sami Haddad' },
  { name: 'Selim Kaya' },
  { name: 'Julia Becker', group: 'yulia' },
  { name: 'Tomasz Kowalski' },
  { name: 'Marta Popescu' },
  { name: 'Nikolaos Georgiou' },
  { name: 'Leila Ahmadi' },
  { name: 'Omid Rahimi' },
  { name: 'Thi Lan Vo' },
];
