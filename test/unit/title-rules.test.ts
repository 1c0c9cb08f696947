import { describe, expect, it } from 'vitest';
import { formMessages } from '../../shared/i18n/en/form.ts';
import { checkTitle } from '../../shared/title-rules.ts';

/** Hint codes of a title, blocking ones marked with "!". */
const codes = (title: string) => checkTitle(title).map((h) => (h.level === 'block' ? `${h.code}!` : h.code));

describe('title rules', () => {
  // [language, title, expected hints] — the wrong titles of seeds 001 and 004 and their like.
  const flagged: [string, string, string[]][] = [
    ['en', "Doesn't work", ['vague']],
    ['en', 'Checkout not working', ['vague']],
    ['en', 'Error', ['vague']],
    ['en', 'Bug in checkout', ['vague']],
    ['en', 'Help!', ['vague']],
    ['en', 'Problem with invoices', ['vague']],
    ['en', 'Urgent', ['vague']],
    ['en', 'Asap please', ['vague']],
    ['en', 'Shop is down', ['isDown']],
    ['en', 'from #123', ['bareReference']],
    ['en', 'Follow up on ABC-42', ['bareReference']],
    ['ro', 'Nu funcționează', ['vague']],
    ['ro', 'Nu funcţionează', ['vague']], // cedilla ţ, as older keyboards type it
    ['ro', 'nu functioneaza checkout-ul', ['vague']],
    ['ro', 'Eroare la plată', ['vague']],
    ['ro', 'Urgent!!!', ['vague']],
    ['ro', 'Site-ul a picat', ['isDown']],
    ['ro', 'Vine de la #4512', ['bareReference']],
    ['es', 'No funciona', ['vague']],
    ['es', 'Error Janis', ['vague']],
    ['es', 'Urgente', ['vague']],
    ['es', 'Janis caído', ['isDown']],
    ['es', 'janis caido', ['isDown']],
    ['es', 'Viene de #FIZ-45678', ['bareReference']],
    ['ru', 'Не работает', ['vague']],
    ['ru', 'Ничего не работает', ['vague']],
    ['ru', 'Ошибка', ['vague']],
    ['ru', 'Срочно!!!', ['vague']],
    ['ru', 'Сайт упал', ['isDown']],
    ['ru', 'Всё лежит', ['isDown']],
    ['cs', 'Nefunguje', ['vague']],
    ['cs', 'Chyba v košíku', ['vague']],
    ['cs', 'Naléhavé', ['vague']],
    ['cs', 'Urgentní požadavek', ['vague']],
    ['cs', 'Nejde to', ['vague']],
    ['cs', 'Web spadlo', ['isDown']],
    ['uk', 'Не працює', ['vague']],
    ['uk', 'Помилка', ['vague']],
    ['uk', 'Терміново', ['vague']],
    ['uk', 'Сайт впав', ['isDown']],
    ['uk', 'Сервер лежить', ['isDown']],
    ['uk', 'ТЕРМІНОВО НІЧОГО НЕ ПРАЦЮЄ РЕМОНТУЙТЕ', ['allCaps!', 'vague']],
    ['en', 'Refund stuck', ['tooShort']],
    ['en', 'Banner', ['tooShort']],
  ];
  it.each(flagged)('flags the %s title %j', (_language, title, expected) => {
    expect(codes(title)).toEqual(expected);
  });

  // Descriptive titles, some with a vague word in them: they describe enough and are left alone.
  const fine: [string, string][] = [
    ['en', 'Error 500 when paying order 456 with Visa'],
    ['en', 'Order 456 shows as invoiced but was never shipped'],
    ['en', 'Login not working on Safari 17'],
    ['en', 'Follow-up to #123: refund still not issued for order 789'],
    ['en', 'Shop is down since 9:00 for all customers in Romania'],
    ['en', 'Scroll down does not load more products on the category page'],
    ['en', 'SSO via SAML fails for new users'],
    ['ro', 'Comanda 456 apare facturată dar nu a fost livrată'],
    ['ro', 'Eroare la plata cu cardul pentru comanda 1042'],
    ['es', 'El pedido 456 en Janis figura como facturado pero no se envió'],
    ['es', 'Ya probamos pickear el pedido 543, pero no nos permite avanzar'],
    ['es', 'Error 500 al pagar el pedido 456 con Visa'],
    ['ru', 'Ошибка 500 при оплате заказа 456 картой Visa'],
    ['ru', 'Товар лежит в корзине, но оплата не проходит'],
    ['cs', 'Podmínka přepisování jména produktů v košíku do šablony'],
    ['cs', 'Testovací rozesílka nechodí, přestože automatizace je nastavená'],
    ['uk', 'Помилка 500 при оплаті замовлення 456 карткою Visa'],
    ['uk', 'Не працює експорт замовлень у CSV з 1 березня'],
  ];
  it.each(fine)('leaves the %s title %j alone', (_language, title) => {
    expect(codes(title)).toEqual([]);
  });

  it('blocks an empty title and one with no words at all', () => {
    expect(codes('')).toEqual(['empty!']);
    expect(codes('   ')).toEqual(['empty!']);
    expect(codes('?!…')).toEqual(['empty!']);
  });

  it('blocks a title in capitals only, even a descriptive one, but not acronyms', () => {
    expect(codes('ERROR 500 WHEN PAYING ORDER 456 WITH VISA')).toEqual(['allCaps!']);
    expect(codes('URGENTE')).toEqual(['allCaps!', 'vague']);
    expect(codes('VAT')).toEqual(['tooShort']);
  });

  it('only hints at shouting when some words are in capitals, and never blocks it', () => {
    expect(codes('URGENT CHECKOUT broken again for Visa cards')).toEqual(['shouting', 'urgency']);
    expect(codes('Export to PDF and CSV fails for invoices')).toEqual([]);
  });

  it('asks for a priority instead of urgency words in an otherwise descriptive title', () => {
    expect(codes('URGENT: checkout fails for Visa cards in Romania')).toEqual(['urgency']);
    expect(codes('Срочно: заказ 456 не оплачивается картой')).toEqual(['urgency']);
  });

  it('does not match vague words inside other words', () => {
    expect(codes('Debugging console shows terror icons on product pages')).toEqual([]);
    expect(codes('Dropdown menu of countries is empty on mobile')).toEqual([]);
  });

  it('says "too short" only when no more specific hint explains the title', () => {
    expect(codes('Error')).toEqual(['vague']);
    expect(codes('Fix it')).toEqual(['tooShort']);
    expect(codes('Checkout page slow')).toEqual([]); // three words, 18 characters
  });

  it('gives every hint a message and good titles from the catalogue, with the limits for "too short"', () => {
    const [short] = checkTitle('Refund stuck');
    expect(short?.params).toEqual({ minLength: 15, minWords: 3 });
    const all = [
      '',
      'URGENTE',
      'Refund stuck',
      'from #1',
      'Site down',
      'URGENT CHECKOUT broken again for Visa cards',
    ];
    for (const hint of all.flatMap(checkTitle)) {
      expect(formMessages).toHaveProperty([hint.message]);
      expect(hint.examples.length).toBeGreaterThan(0);
      for (const example of hint.examples) expect(formMessages).toHaveProperty([example]);
    }
  });
});
