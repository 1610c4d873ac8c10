/**
 * Fictional people from the origins counselling centres meet, with names in their original script
 * where it is not Latin. Used by the demo network and the benchmark data generator; every
 * combination is invented.
 */
import { required } from '../lib/required';

type Name = readonly [latin: string, original?: string];

export interface Origin {
  countries: string[];
  /** The first is the mother tongue (the demo's form language). */
  languages: [string, ...string[]];
  female: Name[];
  male: Name[];
  family: Name[];
}

export const origins: Origin[] = [
  {
    countries: ['SY', 'IQ'],
    languages: ['ara'],
    female: [
      ['Fatima', 'فاطمة'],
      ['Aisha', 'عائشة'],
      ['Layla', 'ليلى'],
      ['Nour', 'نور'],
      ['Rania', 'رانيا'],
      ['Huda', 'هدى'],
      ['Samira', 'سميرة'],
    ],
    male: [
      ['Mohammad', 'محمد'],
      ['Ahmad', 'أحمد'],
      ['Omar', 'عمر'],
      ['Khaled', 'خالد'],
      ['Yousef', 'يوسف'],
      ['Tarek', 'طارق'],
      ['Bassam', 'بسام'],
    ],
    family: [
      ['Al-Hassan', 'الحسن'],
      ['Haddad', 'حداد'],
      ['Khalil', 'خليل'],
      ['Nasser', 'ناصر'],
      ['Saleh', 'صالح'],
      ['Darwish', 'درويش'],
      ['Mansour', 'منصور'],
      ['Kassem', 'قاسم'],
    ],
  },
  {
    countries: ['UA'],
    languages: ['ukr', 'rus'],
    female: [
      ['Olha', 'Ольга'],
      ['Iryna', 'Ірина'],
      ['Yuliia', 'Юлія'],
      ['Kateryna', 'Катерина'],
      ['Oksana', 'Оксана'],
      ['Nataliia', 'Наталія'],
    ],
    male: [
      ['Serhii', 'Сергій'],
      ['Oleksandr', 'Олександр'],
      ['Andrii', 'Андрій'],
      ['Dmytro', 'Дмитро'],
      ['Mykola', 'Микола'],
      ['Vasyl', 'Василь'],
    ],
    family: [
      ['Kovalenko', 'Коваленко'],
      ['Shevchenko', 'Шевченко'],
      ['Bondarenko', 'Бондаренко'],
      ['Tkachenko', 'Ткаченко'],
      ['Kravchenko', 'Кравченко'],
      ['Melnyk', 'Мельник'],
      ['Boiko', 'Бойко'],
    ],
  },
  {
    countries: ['RU', 'KZ'],
    languages: ['rus'],
    female: [
      ['Natalia', 'Наталья'],
      ['Svetlana', 'Светлана'],
      ['Elena', 'Елена'],
      ['Anastasia', 'Анастасия'],
    ],
    male: [
      ['Aleksei', 'Алексей'],
      ['Dmitri', 'Дмитрий'],
      ['Sergei', 'Сергей'],
      ['Pavel', 'Павел'],
    ],
    family: [
      ['Ivanov', 'Иванов'],
      ['Smirnov', 'Смирнов'],
      ['Kuznetsov', 'Кузнецов'],
      ['Popov', 'Попов'],
      ['Volkov', 'Волков'],
    ],
  },
  {
    countries: ['AF', 'IR'],
    languages: ['prs', 'fas'],
    female: [
      ['Zahra', 'زهرا'],
      ['Maryam', 'مریم'],
      ['Fereshteh', 'فرشته'],
      ['Shirin', 'شیرین'],
      ['Parisa', 'پریسا'],
    ],
    male: [
      ['Ali', 'علی'],
      ['Hossein', 'حسین'],
      ['Reza', 'رضا'],
      ['Jawad', 'جواد'],
      ['Farhad', 'فرهاد'],
    ],
    family: [
      ['Ahmadi', 'احمدی'],
      ['Hosseini', 'حسینی'],
      ['Rahimi', 'رحیمی'],
      ['Karimi', 'کریمی'],
      ['Sultani', 'سلطانی'],
    ],
  },
  {
    countries: ['TR'],
    languages: ['tur'],
    female: [['Ayşe'], ['Elif'], ['Zeynep'], ['Büşra'], ['Gülşen']],
    male: [['Mehmet'], ['Emre'], ['Mustafa'], ['Oğuz'], ['Çağrı']],
    family: [['Yılmaz'], ['Kaya'], ['Demir'], ['Şahin'], ['Öztürk'], ['Çelik'], ['Aydın']],
  },
  {
    countries: ['VN'],
    languages: ['vie'],
    female: [['Thị Lan'], ['Thị Hương'], ['Ngọc Anh'], ['Thu Trang']],
    male: [['Văn An'], ['Minh Đức'], ['Quốc Bảo'], ['Thanh Tùng']],
    family: [['Nguyễn'], ['Trần'], ['Lê'], ['Phạm'], ['Hoàng']],
  },
  {
    countries: ['CO', 'VE', 'MX', 'PE'],
    languages: ['spa'],
    female: [['María José'], ['Lucía'], ['Valentina'], ['Ximena']],
    male: [['José Luis'], ['Andrés'], ['Sebastián'], ['Joaquín']],
    family: [['Rodríguez'], ['González'], ['Hernández'], ['Peña'], ['Muñoz'], ['Ibáñez']],
  },
  {
    countries: ['BR'],
    languages: ['por'],
    female: [['Ana Clara'], ['Letícia'], ['Conceição'], ['Jéssica']],
    male: [['João Pedro'], ['Tiago'], ['Caio'], ['Luís Otávio']],
    family: [['da Silva'], ['dos Santos'], ['Gonçalves'], ['Araújo'], ['Magalhães']],
  },
  {
    countries: ['PL', 'HR', 'RS', 'RO', 'BA'],
    languages: ['pol', 'hrv', 'srp', 'ron'],
    female: [['Zofia'], ['Małgorzata'], ['Jelena'], ['Ioana'], ['Mirela']],
    male: [['Łukasz'], ['Grzegorz'], ['Đorđe'], ['Ștefan'], ['Dragan']],
    family: [
      ['Wiśniewski'],
      ['Dąbrowska'],
      ['Đorđević'],
      ['Petrović'],
      ['Popescu'],
      ['Ionescu'],
      ['Kovačević'],
    ],
  },
  {
    countries: ['ER'],
    languages: ['tir'],
    female: [
      ['Selam', 'ሰላም'],
      ['Hiwet', 'ሕወት'],
      ['Mebrat', 'መብራት'],
    ],
    male: [
      ['Yonas', 'ዮናስ'],
      ['Tesfaye', 'ተስፋየ'],
      ['Dawit', 'ዳዊት'],
    ],
    family: [
      ['Haile', 'ሃይለ'],
      ['Tekle', 'ተክለ'],
      ['Gebremariam', 'ገብረማርያም'],
      ['Berhane', 'በርሀነ'],
    ],
  },
  {
    countries: ['IN'],
    languages: ['hin', 'eng'],
    female: [
      ['Priya', 'प्रिया'],
      ['Ananya', 'अनन्या'],
      ['Kavya', 'काव्या'],
    ],
    male: [
      ['Rahul', 'राहुल'],
      ['Arjun', 'अर्जुन'],
      ['Vikram', 'विक्रम'],
    ],
    family: [
      ['Sharma', 'शर्मा'],
      ['Patel', 'पटेल'],
      ['Gupta', 'गुप्ता'],
      ['Iyer', 'अय्यर'],
    ],
  },
  {
    countries: ['GR'],
    languages: ['ell'],
    female: [
      ['Eleni', 'Ελένη'],
      ['Sofia', 'Σοφία'],
    ],
    male: [
      ['Dimitrios', 'Δημήτριος'],
      ['Nikolaos', 'Νικόλαος'],
    ],
    family: [
      ['Papadopoulos', 'Παπαδόπουλος'],
      ['Georgiou', 'Γεωργίου'],
      ['Oikonomou', 'Οικονόμου'],
    ],
  },
];

/** A small deterministic random generator, so that demo and benchmark data are the same every run. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T =>
      required(items[Math.floor(next() * items.length)], 'something to pick'),
    chance: (p: number) => next() < p,
  };
}

export interface Person {
  givenNames: string;
  familyName: string;
  givenNamesOriginal: string | null;
  familyNameOriginal: string | null;
  gender: 'female' | 'male';
  country: string;
  /** The mother tongue first, German last. */
  languages: [string, ...string[]];
  birthDate: string;
}

export function person(rng: ReturnType<typeof random>, today = new Date()): Person {
  const origin = rng.pick(origins);
  const female = rng.chance(0.55);
  const [given, givenOriginal] = rng.pick(female ? origin.female : origin.male);
  const [family, familyOriginal] = rng.pick(origin.family);
  const age = rng.int(23, 58);
  const birth = new Date(Date.UTC(today.getUTCFullYear() - age, rng.int(0, 11), rng.int(1, 28)));
  return {
    givenNames: given,
    familyName: family,
    givenNamesOriginal: givenOriginal ?? null,
    familyNameOriginal: familyOriginal ?? null,
    gender: female ? 'female' : 'male',
    country: rng.pick(origin.countries),
    languages: [...origin.languages, 'deu'],
    birthDate: birth.toISOString().slice(0, 10),
  };
}

/** The date `n` days from `base` (negative: before), as YYYY-MM-DD. */
export const days = (base: Date, n: number) =>
  new Date(base.getTime() + n * 86_400_000).toISOString().slice(0, 10);
